import { SERVICE_DATABASES } from '@app/local-stack/service-databases';
import { SERVICE_DATABASE, SERVICE_NAMES } from './app-names';

describe('SERVICE_DATABASE', () => {
  it('names the same databases the local stack creates', () => {
    expect(SERVICE_NAMES.map((service) => SERVICE_DATABASE[service]).sort()).toEqual(
      [...SERVICE_DATABASES].sort(),
    );
  });
});
