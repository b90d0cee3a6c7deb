/** An SDK error as the SDK raises it (name, HTTP status), for `rejects(...)` in mocked clients. */
export function awsError(name: string, status = 400, message = name): Error {
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
}

export const denied = () => awsError('AccessDeniedException', 403, 'not authorized');
