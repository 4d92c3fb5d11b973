export const START: string
export const END: string
export const packageDir: string
export const manifestPath: string
export const readmePath: string
export function renderElement(element: unknown, modulePath: string): string
export function renderApi(manifest: unknown): string
export function replaceSection(readme: string, section: string): string
export function currentSection(readme: string): string
