/**
 * Service used when the source names none (OTLP resource without `service.name`, Jaeger span without a
 * process). It is the OpenTelemetry SDK's own default, so such spans line up with what SDKs report.
 */
export const UNKNOWN_SERVICE = 'unknown_service';
