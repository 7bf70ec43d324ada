import { screeningClinic } from './screening-clinic';

describe(screeningClinic.name, () => {
  const leeds = 'aaaaaaaa-0000-4000-8000-000000000001';
  const york = 'aaaaaaaa-0000-4000-8000-000000000002';

  it('takes the requested clinic when the client attends it', () => {
    expect(screeningClinic([leeds, york], [], york)).toEqual({ ok: true, value: york });
  });

  it('refuses a clinic the client does not attend', () => {
    expect(screeningClinic([leeds], [york], york)).toMatchObject({
      ok: false,
      problem: { code: 'INVALID_CLINIC' },
    });
  });

  it("defaults to the client's clinic the caller works at, else the first", () => {
    expect(screeningClinic([leeds, york], [york], undefined)).toEqual({ ok: true, value: york });
    expect(screeningClinic([leeds, york], [], null)).toEqual({ ok: true, value: leeds });
  });
});
