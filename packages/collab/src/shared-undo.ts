import * as Y from 'yjs'

/** What Yjs keeps of an undo step: the items the step inserted (as a delete set, by client and clock). */
interface StackItemInternals {
  insertions: { clients: Map<number, { clock: number; len: number }[]> }
}

/** Whether the item `id` is among the step's insertions. */
function inserted(step: StackItemInternals, id: Y.ID): boolean {
  const ranges = step.insertions.clients.get(id.client)
  if (!ranges) return false
  for (const r of ranges) if (id.clock >= r.clock && id.clock < r.clock + r.len) return true
  return false
}

/** The shared element or text an item holds, if it holds one (`ContentType`). */
function typeOf(item: Y.Item): Y.AbstractType<unknown> | null {
  const content = item.content as { type?: unknown }
  return content instanceof Y.ContentType ? (content.type as Y.AbstractType<unknown>) : null
}

/**
 * The writer's undo in co-editing (批注协同中的撤销): a Yjs `UndoManager` that never deletes what
 * another writer added since. Yjs undoes the insertion of a part by deleting it, with everything
 * in it: a section the writer pasted and undoes would take with it the paragraphs another writer
 * has typed into it since, and that writer could not get them back (their own undo knows only
 * their own changes). Here a part the step inserted that holds anything the step did not insert
 * (another writer's text, their paragraphs) is kept whole, with what the writer had put in it;
 * everything else of the step is undone as Yjs undoes it. What stays is whole parts, as they were,
 * so the summary keeps its structure where it is kept.
 */
export class SharedUndoManager extends Y.UndoManager {
  /** The step being undone or redone, while it is. */
  private step: StackItemInternals | null = null
  /** For each part of the step met so far, whether it holds something the step did not insert. */
  private holdsOthers = new Map<Y.Item, boolean>()

  constructor(scope: ConstructorParameters<typeof Y.UndoManager>[0], options: ConstructorParameters<typeof Y.UndoManager>[1] = {}) {
    let self: SharedUndoManager | null = null
    super(scope, { ...options, deleteFilter: (item) => (self?.mayDelete(item) ?? true) && (options.deleteFilter?.(item) ?? true) })
    self = this
  }

  override undo(): ReturnType<Y.UndoManager['undo']> {
    return this.popping(this.undoStack, () => super.undo())
  }

  override redo(): ReturnType<Y.UndoManager['redo']> {
    return this.popping(this.redoStack, () => super.redo())
  }

  private popping<T>(stack: unknown[], pop: () => T): T {
    this.step = (stack[stack.length - 1] as StackItemInternals | undefined) ?? null
    this.holdsOthers.clear()
    try {
      return pop()
    } finally {
      this.step = null
      this.holdsOthers.clear()
    }
  }

  /** Whether undoing may delete `item`: not when it is in, or is, a part the step inserted that holds another's content. */
  private mayDelete(item: Y.Item): boolean {
    const step = this.step
    if (!step) return true
    for (let at: Y.Item | null = item; at; at = (at.parent as Y.AbstractType<unknown>)._item) {
      if (inserted(step, at.id) && this.holdsOther(step, at)) return false
    }
    return true
  }

  /** Whether a part the step inserted holds, at any depth, a live item the step did not insert. */
  private holdsOther(step: StackItemInternals, part: Y.Item): boolean {
    const known = this.holdsOthers.get(part)
    if (known !== undefined) return known
    const type = typeOf(part)
    let found = false
    for (let child = type?._start ?? null; child && !found; child = child.right) {
      if (child.deleted) continue
      found = !inserted(step, child.id) || (typeOf(child) !== null && this.holdsOther(step, child))
    }
    this.holdsOthers.set(part, found)
    return found
  }
}
