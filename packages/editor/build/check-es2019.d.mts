export function es2019Error(code: string): string | null
