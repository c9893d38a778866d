/**
 * A terminal has no runner to mask secrets, so the command line masks them itself: every
 * password and token the credential store or the token exchange learns is replaced in
 * everything printed, as `core.setSecret` does in the action's log.
 */
export class SecretMask {
  private readonly secrets = new Set<string>()

  add(secret: string): void {
    if (secret.trim() === '') return
    this.secrets.add(secret)
    // The JSON report escapes quotes and backslashes; mask that spelling too.
    this.secrets.add(JSON.stringify(secret).slice(1, -1))
  }

  redact(text: string): string {
    let out = text
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join('***')
    }
    return out
  }
}
