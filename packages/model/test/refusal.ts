import { expect } from 'vitest'
import { fromSummary } from '../src/summary.ts'
import { SummaryError } from '../src/errors.ts'

/** The SummaryError `fromSummary` throws for a value, or fails. */
export function refusal(json: unknown): SummaryError {
  try {
    fromSummary(json)
  } catch (e) {
    expect(e).toBeInstanceOf(SummaryError)
    return e as SummaryError
  }
  throw new Error('fromSummary accepted the value')
}
