/**
 * Statements of one transaction sent while the server computes the next one:
 * the database runs a bulk insert while the next rows are hashed, instead of
 * each side waiting for the other. The connection runs them in the order
 * sent; at most one more waits behind the one running. `drain` waits for all
 * and throws the first failure, so the transaction still fails (and rolls
 * back) if any statement failed.
 */
export class StatementPipeline {
  private readonly pending: Array<Promise<unknown>> = [];
  private failure: { error: unknown } | null = null;

  /** Sends `statement` (already issued) and waits until at most it and one before it are outstanding. */
  async send(statement: Promise<unknown>): Promise<void> {
    this.pending.push(
      statement.catch((error: unknown) => {
        this.failure ??= { error };
      }),
    );
    while (this.pending.length > 2) await this.pending.shift();
    if (this.failure) throw this.failure.error;
  }

  /** Waits for every statement sent; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.pending.splice(0));
    if (this.failure) throw this.failure.error;
  }
}
