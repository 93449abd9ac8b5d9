import { createHash } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { errorMessage, isJsonObject, type JsonObject, type JsonValue, parseJson } from '../aws-json.ts';
import { StepFunctionsServiceError } from './errors.ts';

/**
 * A state machine definition prepared for the interpreter, one small machine per state.
 *
 * Running one state at a time (instead of the whole definition in one `run`) is what lets the
 * service know where each execution is: it records the history, persists the state and its input,
 * resumes after a restart, and gives every state its own context object (`$$.State.*`, `$$.Task.Token`).
 */
export interface CompiledDefinition {
  hash: string;
  startAt: string;
  /** The definition's own TimeoutSeconds (the execution timeout); the service arms it. */
  timeoutSeconds: number | undefined;
  states: Map<string, CompiledState>;
}

export interface CompiledState {
  name: string;
  type: string;
  /** The state as written. */
  source: JsonObject;
  /** This state alone; each transition leads to a stub Task that records where it goes. */
  machine: StateMachine;
  /** Stub state name → the real target. */
  transitions: Map<string, string>;
  /** Task states inside Parallel and Map branches, by name (run by the interpreter as a whole). */
  nestedTasks: Map<string, JsonObject>;
  /** Evaluates the state's reference-path timings (TimeoutSecondsPath, SecondsPath, ...) on its input. */
  probe: StateMachine | undefined;
}

/** Resource of the stub states that mark a transition. */
export const TRANSITION_RESOURCE = 'arn:aws:states:::local:transition';
/** Where the per-attempt task timeout is read from (the service's context getter). */
export const TASK_TIMEOUT_PATH = '$$.LocalTask.TimeoutSeconds';
/** The interpreter overwrites `$$.Execution.Input/StartTime` per run, so paths read this copy instead. */
export const EXECUTION_CONTEXT_KEY = 'LocalExecution';
/** Cap for the interpreter's own timers (below Node's 24.8-day limit); longer waits are re-armed. */
export const MAX_INTERPRETER_TIMEOUT_SECONDS = 2_000_000;

const NEXT_STUB = '\u0000next\u0000';
const CATCH_STUB = '\u0000catch\u0000';
const NO_VALIDATION = { validationOptions: { noValidate: true } } as const;

export function compileDefinition(text: string): CompiledDefinition {
  const parsed = parseJson(text);
  if (parsed === undefined || !isJsonObject(parsed.value)) {
    throw new StepFunctionsServiceError(
      'InvalidDefinition',
      'Invalid State Machine Definition: not a JSON object',
    );
  }
  const definition = parsed.value;
  if (JSON.stringify(definition).includes('"QueryLanguage":"JSONata"')) {
    // The interpreter accepts JSONata definitions and then evaluates them wrongly.
    throw new StepFunctionsServiceError(
      'InvalidDefinition',
      'JSONata is not supported by the local Step Functions',
    );
  }
  try {
    new StateMachine(definition as unknown as StateMachineDefinition);
  } catch (error) {
    throw new StepFunctionsServiceError(
      'InvalidDefinition',
      `Invalid State Machine Definition: ${errorMessage(error)}`,
    );
  }
  const states = new Map<string, CompiledState>();
  for (const [name, source] of Object.entries(objectAt(definition, 'States'))) {
    if (isJsonObject(source)) states.set(name, compileState(name, source));
  }
  const timeoutSeconds = definition.TimeoutSeconds;
  return {
    hash: createHash('sha256').update(text).digest('hex'),
    startAt: String(definition.StartAt),
    timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : undefined,
    states,
  };
}

function compileState(name: string, source: JsonObject): CompiledState {
  const state = rewriteContextPaths(structuredClone(source)) as JsonObject;
  const transitions = new Map<string, string>();
  // A Catch and a Next to the same target get separate stubs, so neither rewrites the other's.
  const stub = (target: JsonValue | undefined, caught: boolean): JsonValue | undefined => {
    if (typeof target !== 'string') return target;
    const stubName = (caught ? CATCH_STUB : NEXT_STUB) + target;
    transitions.set(stubName, target);
    return stubName;
  };
  if (state.Next !== undefined) state.Next = stub(state.Next, false) ?? null;
  for (const catcher of arrayAt(state, 'Catch')) {
    if (isJsonObject(catcher)) catcher.Next = stub(catcher.Next, true) ?? null;
  }
  if (state.Type === 'Choice') {
    for (const rule of arrayAt(state, 'Choices')) {
      if (isJsonObject(rule)) rule.Next = stub(rule.Next, false) ?? null;
    }
    if (state.Default !== undefined) state.Default = stub(state.Default, false) ?? null;
  }
  if (state.Type === 'Task') {
    // The service times each attempt itself (AWS has no 60 s default, and waits may last a year).
    for (const key of ['TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath']) {
      delete state[key];
    }
    state.TimeoutSecondsPath = TASK_TIMEOUT_PATH;
  }
  const nestedTasks = new Map<string, JsonObject>();
  prepareNestedStates(state, nestedTasks);
  const states: JsonObject = { [name]: state };
  for (const stubName of transitions.keys()) {
    states[stubName] = { Type: 'Task', Resource: TRANSITION_RESOURCE, End: true };
  }
  return {
    name,
    type: String(source.Type),
    source,
    machine: new StateMachine(
      { StartAt: name, States: states } as unknown as StateMachineDefinition,
      NO_VALIDATION,
    ),
    transitions,
    nestedTasks,
    probe: compileProbe(source),
  };
}

/** A Pass state that reads the reference-path timing fields of `source` from the state input. */
function compileProbe(source: JsonObject): StateMachine | undefined {
  const parameters: JsonObject = {};
  const fields =
    source.Type === 'Task'
      ? ['TimeoutSecondsPath', 'HeartbeatSecondsPath']
      : source.Type === 'Wait'
        ? ['SecondsPath', 'TimestampPath']
        : [];
  for (const field of fields) {
    const path = source[field];
    if (typeof path === 'string') parameters[`${field.slice(0, -'Path'.length)}.$`] = path;
  }
  if (Object.keys(parameters).length === 0) return undefined;
  const probe: JsonObject = { Type: 'Pass', Parameters: parameters, End: true };
  // Wait paths apply to the effective input; Task timing paths to the state input.
  if (source.Type === 'Wait' && source.InputPath !== undefined) probe.InputPath = source.InputPath;
  const definition = { StartAt: 'Probe', States: { Probe: rewriteContextPaths(probe) } };
  return new StateMachine(definition as unknown as StateMachineDefinition, NO_VALIDATION);
}

/** Parallel branches and Map iterations run inside the interpreter: cap their task timers. */
function prepareNestedStates(state: JsonObject, nestedTasks: Map<string, JsonObject>): void {
  const machines = [...arrayAt(state, 'Branches'), state.Iterator, state.ItemProcessor].filter(isJsonObject);
  for (const machine of machines) {
    for (const [name, nested] of Object.entries(objectAt(machine, 'States'))) {
      if (!isJsonObject(nested)) continue;
      if (nested.Type === 'Task') {
        nestedTasks.set(name, structuredClone(nested));
        const seconds =
          typeof nested.TimeoutSeconds === 'number' ? nested.TimeoutSeconds : Number.POSITIVE_INFINITY;
        for (const key of ['TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath'])
          delete nested[key];
        nested.TimeoutSeconds = Math.min(seconds, MAX_INTERPRETER_TIMEOUT_SECONDS);
      }
      prepareNestedStates(nested, nestedTasks);
    }
  }
}

/** `$$.Execution…` → `$$.LocalExecution…` in every path-valued field (`*.$`, `*Path`, `Variable`). */
function rewriteContextPaths(value: JsonValue, key?: string): JsonValue {
  if (typeof value === 'string') {
    const isPath = key !== undefined && (key.endsWith('.$') || key.endsWith('Path') || key === 'Variable');
    return isPath ? value.replace(/\$\$\.Execution\b/g, `$$$$.${EXECUTION_CONTEXT_KEY}`) : value;
  }
  if (Array.isArray(value)) return value.map((item) => rewriteContextPaths(item, key));
  if (isJsonObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteContextPaths(v, k)]));
  }
  return value;
}

function objectAt(value: JsonObject, key: string): JsonObject {
  const found = value[key];
  return isJsonObject(found) ? found : {};
}

function arrayAt(value: JsonObject, key: string): JsonValue[] {
  const found = value[key];
  return Array.isArray(found) ? found : [];
}
