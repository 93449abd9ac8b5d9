import type { Language } from '#shared/contracts/events/fields.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import type { RateLimiter } from '#shared/ports/rate-limiter.ts';
import type { Workflow } from '#shared/ports/workflow.ts';
import type { RequestLimits } from './request-limits.ts';

export interface PageSettings {
  /** Where the pages are served; https turns on the Secure cookie flag (http only on the local stack). */
  publicBaseUrl: string;
  /** Target of the *Sign in to your account* link. */
  signInUrl: string;
  /** Version of the ID06 General Terms and Conditions the worker accepts, stored on the account. */
  termsVersion: string;
}

export interface PageDependencies {
  repo: OnboardingRepository;
  workflow: Workflow;
  clock: Clock;
  settings: PageSettings;
  /** Counts POSTs per client and per link (REQUEST_LIMITS in request-limits.ts, or `requestLimits`). */
  rateLimiter: RateLimiter;
  requestLimits?: RequestLimits;
  /** Defaults to hashPassword at the production scrypt cost; tests inject a cheaper cost. */
  hashPassword?: (password: string) => Promise<string>;
}

/** An HTTP request as the use cases see it: parsed, size-checked, nothing AWS-specific. */
export interface PageRequest {
  method: string;
  path: string;
  query: Readonly<Record<string, string>>;
  cookies: Readonly<Record<string, string>>;
  /** application/x-www-form-urlencoded fields (first value of each name); empty for other bodies. */
  form: Readonly<Record<string, string>>;
  /** From Accept-Language: the page language until the worker's own (the onboarding's) is known. */
  language: Language;
  /** The language the worker picked with the language switch (`?lang=`, then remembered in a cookie). */
  chosenLanguage?: Language;
  /** The client's address as API Gateway saw it: only ever used hashed, as a rate-limit key. */
  sourceIp?: string;
  /** Sec-Fetch-Site and Origin, when the browser sent them: who initiated a POST. */
  fetchSite?: string;
  origin?: string;
}

/** What happened, for logs and metrics: codes only, never personal data. */
export type Outcome =
  | 'StartPageShown'
  | 'LinkAccepted'
  | 'NewLinkRequested'
  | 'NewLinkRefused'
  | 'LinkRejected'
  | 'SessionMissing'
  | 'CsrfRejected'
  | 'IdentityFormShown'
  | 'IdentityLocked'
  | 'IdentityBlocked'
  | 'IdentityEmpty'
  | 'IdentityMismatch'
  | 'IdentityMatched'
  | 'AccountFormInvalid'
  | 'AccountCreated'
  | 'CreatedPageShown'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'BodyTooLarge'
  | 'BadRequest'
  | 'UnexpectedError'
  | 'TooManyRequests';

/** What the handler logs and counts for one response: codes and ids only, never personal data. */
export interface PageLog {
  outcome: Outcome;
  /** Known once a link token was parsed; an opaque id, safe to log. */
  onboardingId?: string;
  /** A short machine code (a rejection reason, a resume result). */
  detail?: string;
  /** 'error' for a failure the worker does not see but operators must (the response is still a success). */
  level?: 'info' | 'error';
  errorName?: string;
}

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  /** Set-Cookie values. */
  cookies?: string[];
  body: string;
  log: PageLog;
}
