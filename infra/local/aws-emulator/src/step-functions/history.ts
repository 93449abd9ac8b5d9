/** One execution history event as stored: AWS's HistoryEvent with the time in epoch milliseconds. */
export interface HistoryRecord {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  details?: Record<string, unknown>;
}

// Details that carry execution data; GetExecutionHistory leaves them out when includeExecutionData is false.
const DATA_FIELDS = new Set(['input', 'output', 'parameters']);

/** The member AWS puts an event's details in, e.g. TaskStateEntered → stateEnteredEventDetails. */
export function detailsMember(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}

/** The event in the AWS JSON protocol shape (timestamp in epoch seconds). */
export function historyEventToWire(
  event: HistoryRecord,
  includeExecutionData: boolean,
): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    timestamp: event.timestamp / 1000,
    type: event.type,
    id: event.id,
    previousEventId: event.previousEventId,
  };
  if (event.details !== undefined) {
    const details = includeExecutionData
      ? event.details
      : Object.fromEntries(Object.entries(event.details).filter(([key]) => !DATA_FIELDS.has(key)));
    wire[detailsMember(event.type)] = details;
  }
  return wire;
}
