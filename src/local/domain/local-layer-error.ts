/** An edit or import of the local layer that was refused; nothing was written. */
export class LocalLayerError extends Error {
  override readonly name = 'LocalLayerError';
  /** Dutch, for the adviser. */
  readonly userMessage: string;

  constructor(userMessage: string) {
    super(`Local layer change refused: ${userMessage}`);
    this.userMessage = userMessage;
  }
}

export const refuse = (userMessage: string) => new LocalLayerError(userMessage);
