import { docTags } from './build/doc-block.mjs'

/**
 * The Custom Elements Manifest of <zongjie-editor>, custom-elements.json, written by `cem analyze`
 * in `pnpm --filter @zongjie/editor build`; build/api-docs.mjs renders it into the README. It reads
 * the class doc block of src/zongjie-editor/zongjie-editor.component.ts (@attr, @event, @csspart,
 * @cssproperty: the public contract) and Lit's `static properties`.
 */
export default {
  globs: ['src/zongjie-editor/*.ts'],
  exclude: ['src/zongjie-editor/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the analyzer would rewrite the file.
  packagejson: false,
  plugins: [zongjieContract()],
}

/**
 * Corrects what the analyzer (0.11) gets wrong about this element:
 * - Lit's internal reactive state (`static properties = { hint: { state: true } }`) is no
 *   attribute, though the analyzer lists one (it only knows `attribute: false`);
 * - `new CustomEvent(name, …)` with a variable (the element's `emit(name, detail)` helper) is no
 *   event called "name": an event the code names by a variable stays only if the doc block has it;
 * - an attribute's description is the class doc block's `@attr` text (the contract), not the field's
 *   doc comment, which the Properties table shows;
 * - an attribute the element reads by hand (`value`) sets the public property of its name.
 */
function zongjieContract() {
  /** `Class.property` for Lit's internal reactive state. */
  const internal = new Set()
  /** Names of variables passed as the type of `new CustomEvent(…)` / `new Event(…)`. */
  const variableEventNames = new Set()
  /** `Class` → attribute → the `@attr` description of the class doc block. */
  const attrDocs = new Map()

  return {
    name: 'zongjie-contract',
    analyzePhase({ ts, node }) {
      if (ts.isNewExpression(node) && ['CustomEvent', 'Event'].includes(node.expression.getText()) && node.arguments?.[0] && ts.isIdentifier(node.arguments[0])) {
        variableEventNames.add(node.arguments[0].text)
      }
      if (!ts.isClassDeclaration(node) || !node.name) return
      const className = node.name.text
      const comments = ts.getLeadingCommentRanges(node.getSourceFile().text, node.getFullStart()) ?? []
      const doc = comments.map((c) => node.getSourceFile().text.slice(c.pos, c.end)).filter((c) => c.startsWith('/**')).pop()
      if (doc) attrDocs.set(className, new Map(docTags(doc).filter((t) => t.tag === 'attr' || t.tag === 'attribute').map((t) => [t.name, t.description])))
      for (const member of node.members) {
        const isStatic = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue
          const options = property.initializer.properties.filter(ts.isPropertyAssignment)
          const is = (key, kind) => options.some((o) => o.name.getText() === key && o.initializer.kind === kind)
          if (is('state', ts.SyntaxKind.TrueKeyword)) internal.add(`${className}.${property.name.getText()}`)
        }
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        if (declaration.kind !== 'class') continue
        const isInternal = (name) => internal.has(`${declaration.name}.${name}`)
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter((a) => !isInternal(a.fieldName ?? a.name))
          const docs = attrDocs.get(declaration.name)
          for (const attribute of declaration.attributes) {
            if (docs?.has(attribute.name)) attribute.description = docs.get(attribute.name)
            // A global attribute the element observes (`lang`) keeps its HTMLElement property.
            if (!attribute.fieldName && attribute.name === 'lang') attribute.fieldName = 'lang'
            // An attribute read by hand (`value`, read once when connected) sets the public property of its name.
            if (!attribute.fieldName && declaration.members?.some((m) => m.name === attribute.name && m.kind === 'field' && !m.static && m.privacy !== 'private')) attribute.fieldName = attribute.name
          }
        }
        for (const member of declaration.members ?? []) {
          if (isInternal(member.name)) {
            delete member.attribute
            delete member.reflects
          }
        }
        if (declaration.events) {
          declaration.events = declaration.events.filter((e) => !(variableEventNames.has(e.name) && !e.description))
        }
      }
    },
  }
}
