/**
 * A controllable clock. The documents describe waits of minutes (signing-certificate
 * preparation, OTP expiry) and of a year ("過去1年間ログインされていません"): specs move a
 * user's clock instead of waiting. Each user has its own clock so parallel workers, each
 * with its own user, never disturb each other.
 */
export class Clock {
  private frozenAt: number | null = null;
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return (this.frozenAt ?? this.realNow()) + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Jump to an instant; `freeze` stops time there (stable screenshots). */
  set(at: Date, freeze = false): void {
    this.offsetMs = 0;
    if (freeze) this.frozenAt = at.getTime();
    else {
      this.frozenAt = null;
      this.offsetMs = at.getTime() - this.realNow();
    }
  }

  toJSON() {
    return { now: this.now().toISOString(), frozen: this.frozenAt !== null, offsetMs: this.offsetMs };
  }
}
