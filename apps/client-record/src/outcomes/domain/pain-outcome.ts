/**
 * A client's pain outcome on the Numeric Pain Rating Scale (NPRS, 0–10; 0 is no pain).
 *
 * What "first" and "latest" mean (decided here, once):
 * - Both ends are PRE-SESSION ratings (a session record's `painBefore`), so they measure the
 *   same thing: the pain the client lives with between sessions. A post-session rating
 *   (`painAfter`) shows the immediate relief of one stretch and would overstate the change.
 * - first = `painBefore` of the earliest session (by session time) that recorded one: the
 *   baseline when treatment began. The screening's baseline pain is NOT used: it is
 *   self-reported at intake, possibly months before the first session.
 * - latest = `painBefore` of the latest session that recorded one.
 * - Each session counts once, in its latest version (amendments replace the value).
 * - Fewer than two rated sessions: there is no outcome yet (one point is not a change).
 */
export interface PainRating {
  /** When the session took place. */
  readonly at: Date;
  /** NPRS before the session, 0–10; null when the therapist did not rate it. */
  readonly painBefore: number | null;
}

export interface PainOutcome {
  readonly firstPain: number;
  readonly firstRatedAt: Date;
  readonly latestPain: number;
  readonly latestRatedAt: Date;
  /** How many sessions contributed a rating (at least 2). */
  readonly ratedSessions: number;
  /** latest − first: negative means less pain. */
  readonly change: number;
  /** change as a percentage of first, one decimal; null when first is 0 (no base to divide). */
  readonly percentChange: number | null;
  /** At least 2 points less pain, or at least 30% less than first (see isClinicallyImportantImprovement). */
  readonly clinicallyImportantImprovement: boolean;
  /** More pain than at first. */
  readonly worsened: boolean;
}

export const MIN_IMPORTANT_POINTS = 2;
/** 30%, kept as a fraction of ten so the comparison stays in whole numbers. */
const IMPORTANT_TENTHS = 3;

/**
 * The rule: an improvement of at least 2 points OR at least 30% of the first rating.
 * Compared as 10 × improvement ≥ 3 × first, so exactly 30% counts (no floating-point
 * rounding). From a first rating of 0 nothing can improve, so the answer is false; from 1,
 * a drop to 0 is 100% and counts.
 */
export function isClinicallyImportantImprovement(first: number, latest: number): boolean {
  const improvement = first - latest;
  if (improvement <= 0) {
    return false;
  }
  return improvement >= MIN_IMPORTANT_POINTS || 10 * improvement >= IMPORTANT_TENTHS * first;
}

export function percentChange(first: number, latest: number): number | null {
  if (first === 0) {
    return null;
  }
  return Math.round(((latest - first) / first) * 1000) / 10;
}

/** The outcome from a client's session ratings (any order), or undefined with fewer than two. */
export function painOutcomeOf(ratings: readonly PainRating[]): PainOutcome | undefined {
  const rated = ratings
    .filter((rating): rating is PainRating & { painBefore: number } => rating.painBefore !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = rated[0];
  const latest = rated[rated.length - 1];
  if (first === undefined || latest === undefined || rated.length < 2) {
    return undefined;
  }
  return {
    firstPain: first.painBefore,
    firstRatedAt: first.at,
    latestPain: latest.painBefore,
    latestRatedAt: latest.at,
    ratedSessions: rated.length,
    change: latest.painBefore - first.painBefore,
    percentChange: percentChange(first.painBefore, latest.painBefore),
    clinicallyImportantImprovement: isClinicallyImportantImprovement(
      first.painBefore,
      latest.painBefore,
    ),
    worsened: latest.painBefore > first.painBefore,
  };
}
