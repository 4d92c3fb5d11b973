// The script of the strict-CSP page (csp.html), loaded from this origin before the editor's script,
// as a page under such a policy must load its scripts: no inline script anywhere.

// Every Content-Security-Policy violation the page reports, from here on: the page shows how many,
// and the browser tests read them (`window.cspViolations`).
var cspViolations = []
document.addEventListener('securitypolicyviolation', function (e) {
  cspViolations.push({
    directive: e.violatedDirective,
    blocked: e.blockedURI,
    sample: e.sample,
    source: e.sourceFile ? e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber : '',
  })
  var shown = document.getElementById('violations')
  if (shown) shown.textContent = String(cspViolations.length)
})

// The page says when the editor is there (it starts empty: paste a summary from Word into it).
customElements.whenDefined('zongjie-editor').then(function () {
  document.documentElement.setAttribute('data-ready', 'true')
})
