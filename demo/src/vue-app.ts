/**
 * The element in a Vue 3 application: `v-model` binds the element's `value` (the Summary JSON as
 * one string) to the application's state, from which the line above the editor (title, what is
 * left to fill, the length of the JSON) is computed; 提交 asks the editor to validate through a
 * template ref and, once nothing blocks, posts the bound value to `/echo`.
 */
import { createApp, defineComponent, h, ref, computed, onMounted, withDirectives, vModelText } from 'vue'
import '@zongjie/editor'
import type { ZongjieEditor } from '@zongjie/editor'
import { importText, toSummary, type Finding, type Summary } from '@zongjie/model'
import type { ZongjieEditorVueProps } from './zongjie-editor-vue.d.ts'

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站X个，培训社工X名。', '二、存在的问题', '一是力量不足；二是经费偏紧。', '三、下半年工作计划', '一是补齐短板；二是强化保障。'].join('\n')

const App = defineComponent({
  setup() {
    /** The v-model: the editor's value, the Summary JSON as one string. */
    const initial = JSON.stringify(toSummary(importText(draft).doc))
    const model = ref(initial)
    const summary = computed(() => JSON.parse(model.value) as Summary)
    const editor = ref<ZongjieEditor | null>(null)
    const errors = ref<Finding[]>([])
    const received = ref('')

    const submit = async (event: Event) => {
      event.preventDefault()
      const findings = editor.value!.validate()
      received.value = ''
      errors.value = findings.filter((f) => f.severity === 'error')
      if (!findings.submittable) return
      const response = await fetch('/echo', { method: 'POST', body: new URLSearchParams({ summary: model.value }) })
      const page = new DOMParser().parseFromString(await response.text(), 'text/html')
      received.value = JSON.stringify(JSON.parse(page.querySelector('section[data-field="summary"] pre')?.textContent ?? 'null'), null, 2)
    }

    onMounted(() => document.documentElement.setAttribute('data-ready', 'true'))
    return () => {
      const props: ZongjieEditorVueProps = { ref: editor, status: true, findings: true, 'onUpdate:modelValue': (value) => (model.value = value) }
      return h('main', [
        h('h1', '在 Vue 应用中使用编辑器'),
        h('p', { class: 'summary-line' }, [
          '标题：',
          h('strong', { id: 'vue-title' }, summary.value.title),
          '；未填写指标：',
          h('strong', { id: 'vue-unfilled' }, String(summary.value.metrics.filter((m) => !m.filled).length)),
          '；v-model 的值（Summary JSON）共 ',
          h('span', { id: 'vue-length' }, String(model.value.length)),
          ' 字符',
        ]),
        h('form', { onSubmit: submit }, [
          withDirectives(h('zongjie-editor', props), [[vModelText, model.value]]),
          errors.value.length ? h('ul', { id: 'vue-errors', class: 'errors', role: 'alert', 'aria-label': '不能提交' }, errors.value.map((f) => h('li', f.message))) : null,
          h('p', { class: 'actions' }, [
            h('button', { type: 'submit' }, '提交'),
            // The other way of v-model: the bound value set by the application loads into the editor.
            h('button', { type: 'button', onClick: () => (model.value = initial) }, '恢复初稿'),
          ]),
        ]),
        received.value ? h('section', [h('h2', '服务器收到的 Summary JSON'), h('pre', { id: 'vue-received', class: 'received' }, received.value)]) : null,
      ])
    }
  },
})

createApp(App).mount('#app')
