/** The Dutch sentence to show for a failure; errors from our own modules carry one. */
export function userMessageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'userMessage' in error && typeof error.userMessage === 'string') {
    return error.userMessage;
  }
  return 'Er ging iets mis. Er is niets opgeslagen. Probeer het opnieuw.';
}
