import { runWithContext } from '../request-context';
import { logContextMixin } from './log-context.mixin';

describe(logContextMixin.name, () => {
  it('returns nothing outside a unit of work', () => {
    expect(logContextMixin()).toEqual({});
  });

  it('returns the correlation id of the current context', () => {
    expect(runWithContext({ correlationId: 'c-1' }, logContextMixin)).toEqual({
      correlationId: 'c-1',
    });
  });

  it('returns the causation id too when there is one', () => {
    const fields = runWithContext({ correlationId: 'c-1', causationId: 'e-1' }, logContextMixin);

    expect(fields).toEqual({ correlationId: 'c-1', causationId: 'e-1' });
  });

  it('follows the context across an await', async () => {
    const fields = await runWithContext({ correlationId: 'c-async' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return logContextMixin();
    });

    expect(fields).toEqual({ correlationId: 'c-async' });
  });
});
