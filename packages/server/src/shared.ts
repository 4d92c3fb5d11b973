/**
 * The one mapping of a summary into a Yjs document, `@zongjie/collab`'s (content in the
 * `summary` XmlFragment, attributes in the `attributes` map), as the server uses it.
 */
export { contentName, attributesName, sharedContent, sharedAttributes, isEmptyShared, fillShared, attributesOf, summaryOfShared, sharedProblem } from '@zongjie/collab'
