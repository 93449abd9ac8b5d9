/** The service name of every log line, metric and trace, and the metrics namespace, on both targets. */
export const SERVICE_NAME = 'id06-onboarding';
export const METRICS_NAMESPACE = 'Id06Onboarding';
