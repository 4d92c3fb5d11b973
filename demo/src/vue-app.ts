/**
 * The element in a Vue 3 application: Vue passes `summary` as a property and listens to `input`;
 * the application's own state (the title and what is left to fill) follows the editor.
 */
import { createApp, defineComponent, h, ref, onMounted } from 'vue'
import '@zongjie/editor'
import { importText, toSummary, type Summary } from '@zongjie/model'

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站X个，培训社工X名。', '二、存在的问题', '一是力量不足；二是经费偏紧。', '三、下半年工作计划', '一是补齐短板；二是强化保障。'].join('\n')

const App = defineComponent({
  setup() {
    const initial = toSummary(importText(draft).doc)
    const title = ref(initial.title)
    const unfilled = ref(initial.metrics.filter((m) => !m.filled).length)
    const onInput = (event: Event) => {
      const detail = (event as CustomEvent<{ summary: Summary } | undefined>).detail
      if (!detail?.summary) return
      title.value = detail.summary.title
      unfilled.value = detail.summary.metrics.filter((m) => !m.filled).length
    }
    onMounted(() => document.documentElement.setAttribute('data-ready', 'true'))
    return () =>
      h('main', [
        h('h1', '在 Vue 应用中使用编辑器'),
        h('p', { class: 'summary-line' }, [
          '标题：',
          h('strong', { id: 'vue-title' }, title.value),
          '；未填写指标：',
          h('strong', { id: 'vue-unfilled' }, String(unfilled.value)),
        ]),
        h('zongjie-editor', { summary: initial, status: true, onInput }),
      ])
  },
})

createApp(App).mount('#app')
