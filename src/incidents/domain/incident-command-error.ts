/** A command the adviser cannot do in the incident's current state; nothing was written. */

/** `conflict`: an import holds an event id that is stored here with other content. */
export type IncidentCommandFailure = 'not-found' | 'closed' | 'invalid' | 'conflict';

export class IncidentCommandError extends Error {
  override readonly name = 'IncidentCommandError';
  readonly failure: IncidentCommandFailure;
  /** Dutch, for the adviser. */
  readonly userMessage: string;

  constructor(failure: IncidentCommandFailure, userMessage: string) {
    super(`Incident command refused (${failure}): ${userMessage}`);
    this.failure = failure;
    this.userMessage = userMessage;
  }
}

export const notFound = () =>
  new IncidentCommandError('not-found', 'Dit incident staat niet (meer) op dit apparaat. Er is niets opgeslagen.');

export const closed = () =>
  new IncidentCommandError(
    'closed',
    'Dit incident is gesloten. Heropen het eerst om iets toe te voegen of te wijzigen.',
  );

export const invalid = (userMessage: string) => new IncidentCommandError('invalid', userMessage);
