import { CLINIC_STATUSES, ClinicStatus } from './clinic-status';
import {
  canChangeStatus,
  CLINIC_STATUS_TRANSITIONS,
  statusChangeProblem,
} from './clinic-status-machine';

describe('clinic status machine', () => {
  it.each<[ClinicStatus, ClinicStatus]>([
    ['opening', 'active'],
    ['opening', 'closed'],
    ['active', 'suspended'],
    ['active', 'closed'],
    ['suspended', 'active'],
    ['suspended', 'closed'],
  ])('lets a clinic go from %s to %s', (from, to) => {
    expect(canChangeStatus(from, to)).toBe(true);
    expect(statusChangeProblem(from, to)).toBeUndefined();
  });

  it.each<[ClinicStatus, ClinicStatus]>([
    ['opening', 'suspended'],
    ['active', 'opening'],
    ['suspended', 'opening'],
  ])('refuses %s to %s, naming the current status and where it may go', (from, to) => {
    expect(canChangeStatus(from, to)).toBe(false);
    const problem = statusChangeProblem(from, to);
    expect(problem).toContain(`the clinic is ${from} and cannot become ${to}`);
    expect(problem).toContain(`it may become ${CLINIC_STATUS_TRANSITIONS[from].join(' or ')}`);
  });

  it('treats closed as final', () => {
    for (const to of CLINIC_STATUSES) {
      expect(canChangeStatus('closed', to)).toBe(false);
    }
    expect(statusChangeProblem('closed', 'active')).toBe(
      'the clinic is closed, which is final: it cannot become active',
    );
  });

  it('refuses a change to the status the clinic already has', () => {
    for (const status of CLINIC_STATUSES) {
      expect(statusChangeProblem(status, status)).toBe(`the clinic is already ${status}`);
    }
  });

  it('lists a transition for every status', () => {
    expect(Object.keys(CLINIC_STATUS_TRANSITIONS).sort()).toEqual([...CLINIC_STATUSES].sort());
  });
});
