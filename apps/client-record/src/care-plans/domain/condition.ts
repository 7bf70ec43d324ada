import { CONDITIONS, type Condition } from '../../screening/domain/screening-terms';

/** The one list of conditions lives with screening; care plans target the same ones. */
export { CONDITIONS, type Condition };

export function isCondition(value: string): value is Condition {
  return (CONDITIONS as readonly string[]).includes(value);
}
