/** An error whose message is written for the person looking at the panel: one line, no stack. */
export class DataflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataflowError';
  }
}

const MAX_MESSAGE_CHARS = 300;

/** One readable line for any thrown value; never a stack trace. */
export function toUserMessage(error: unknown): string {
  let message: string;
  if (error instanceof Error) {
    message = error.message;
  } else if (typeof error === 'string') {
    message = error;
  } else if (isRecord(error) && typeof error.message === 'string') {
    message = error.message;
  } else if (isRecord(error) && isRecord(error.data) && typeof error.data.message === 'string') {
    message = error.data.message;
  } else {
    message = 'Unknown error';
  }
  const oneLine = message.split('\n')[0].trim() || 'Unknown error';
  return oneLine.length > MAX_MESSAGE_CHARS ? `${oneLine.slice(0, MAX_MESSAGE_CHARS - 1)}…` : oneLine;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
