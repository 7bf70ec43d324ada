/** Injection token of the SchedulePolicy (travel buffer between clinics). */
export const SCHEDULE_POLICY = Symbol('SCHEDULE_POLICY');
