/** The Step Functions side of the flow, as the use cases see it. */
export interface Workflow {
  /** Starts the execution named `name`; a second start of the same name starts nothing new. */
  start(name: string, input: { onboardingId: string }): Promise<{ started: boolean }>;
  /** Resumes a waiting task; `gone` when the token is unknown, used or timed out. */
  resume(taskToken: string, output: object): Promise<'resumed' | 'gone'>;
}
