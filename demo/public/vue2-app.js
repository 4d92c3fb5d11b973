/*
 * The Vue 2 page (vue2.html): an Element UI form with the editor as one of its fields, written as
 * an OA page of its time is, in plain ES5 loaded by a classic script tag after Vue 2.7, Element UI
 * and the editor's one-script build (the global `Zongjie`).
 */
;(function () {
  'use strict'

  // <zongjie-editor> is a custom element, not a Vue component.
  Vue.config.ignoredElements = ['zongjie-editor']
  Vue.config.productionTip = false

  /*
   * <zongjie-field v-model="…">: the editor as a Vue 2 form field. The model is the element's
   * `value`, the Summary JSON as one string: the prop is written to the element (which ignores the
   * string it already holds), and each `input` of the element gives the model its new value.
   */
  Vue.component('zongjie-field', {
    props: { value: { type: String, default: '' } },
    template: '<zongjie-editor ref="editor" status findings @input="onInput"></zongjie-editor>',
    mounted: function () {
      this.$refs.editor.value = this.value
    },
    watch: {
      value: function (value) {
        this.$refs.editor.value = value
      },
    },
    methods: {
      onInput: function (event) {
        if (event.detail) this.$emit('input', event.target.value)
      },
      /** The editor's findings on the draft, with `submittable`. */
      validate: function () {
        return this.$refs.editor.validate()
      },
    },
  })

  var draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站X个，培训社工X名。', '二、存在的问题', '一是力量不足；二是经费偏紧。', '三、下半年工作计划', '一是补齐短板；二是强化保障。'].join('\n')
  var initial = JSON.stringify(Zongjie.toSummary(Zongjie.importText(draft).doc))

  /** Posts the fields as a form would; `done` gets the fields the server says it received. */
  function post(url, fields, done, fail) {
    var xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8')
    xhr.onload = function () {
      var page = new DOMParser().parseFromString(xhr.responseText, 'text/html')
      var received = {}
      Array.prototype.forEach.call(page.querySelectorAll('section[data-field]'), function (section) {
        received[section.getAttribute('data-field')] = section.querySelector('pre').textContent
      })
      done(received)
    }
    xhr.onerror = fail
    xhr.send(
      Object.keys(fields)
        .map(function (name) {
          return encodeURIComponent(name) + '=' + encodeURIComponent(fields[name])
        })
        .join('&')
    )
  }

  new Vue({
    el: '#app',
    data: function () {
      var vm = this
      return {
        units: ['示范县民政局', '示范县卫生健康局', '示范县教育局'],
        form: { unit: '示范县民政局', contact: '', summary: initial },
        rules: {
          unit: [{ required: true, message: '请选择报送单位', trigger: 'change' }],
          contact: [{ required: true, message: '请填写联系人', trigger: 'blur' }],
          // The editor's own check: errors (an unfilled metric, a missing part …) block the form
          // (`required` marks the field as Element UI marks a required one).
          summary: [
            {
              required: true,
              validator: function (rule, value, callback) {
                var errors = vm.$refs.summary.validate().filter(function (f) {
                  return f.severity === 'error'
                })
                if (errors.length) callback(new Error(errors[0].message + (errors.length > 1 ? '（共 ' + errors.length + ' 处）' : '')))
                else callback()
              },
            },
          ],
        },
        // After the first 提交, the editor's field is checked again at every change.
        checked: false,
        sending: false,
        received: '',
      }
    },
    computed: {
      /** The line under the editor, from the model: the title and how many metrics are unfilled. */
      line: function () {
        var summary = JSON.parse(this.form.summary || '{"title":"","metrics":[]}')
        return {
          title: summary.title,
          unfilled: summary.metrics.filter(function (m) {
            return !m.filled
          }).length,
        }
      },
    },
    watch: {
      'form.summary': function () {
        if (this.checked) this.$refs.form.validateField('summary')
      },
    },
    mounted: function () {
      document.documentElement.setAttribute('data-ready', 'true')
    },
    methods: {
      submit: function () {
        var vm = this
        this.checked = true
        this.received = ''
        this.$refs.form.validate(function (valid) {
          if (!valid) return
          vm.sending = true
          post(
            '/echo',
            vm.form,
            function (received) {
              vm.sending = false
              vm.received = JSON.stringify(JSON.parse(received.summary), null, 2)
              vm.$message({ type: 'success', message: '已提交' })
            },
            function () {
              vm.sending = false
              vm.$message({ type: 'error', message: '提交失败，请稍后再试' })
            }
          )
        })
      },
      reset: function () {
        this.checked = false
        this.received = ''
        this.$refs.form.resetFields()
      },
    },
  })
})()
