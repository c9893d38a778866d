/**
 * Every secret the run knows (the GitHub token, registry passwords, tokens a registry
 * issued), in one place: the action's log registers each with the runner's masker as it is
 * added, and the same registry scrubs them from everything the action sends or writes
 * itself (pull request body, title and commit message, job summary, outputs), which no
 * masker sees. The command line, with no runner, masks its own output with it.
 */
export class SecretRegistry {
  private readonly values = new Set<string>()
  private readonly listeners: Array<(secret: string) => void> = []

  /** Called with each new secret, and at once with every secret already known. */
  onAdd(listener: (secret: string) => void): void {
    this.listeners.push(listener)
    for (const secret of this.values) listener(secret)
  }

  add(secret: string | undefined): void {
    if (secret === undefined || secret.trim() === '' || this.values.has(secret)) return
    this.values.add(secret)
    for (const listener of this.listeners) listener(secret)
  }

  /** The spellings a secret can take in what is written: as is, JSON-escaped, URL-encoded. */
  private spellings(): string[] {
    const all = new Set<string>()
    for (const secret of this.values) {
      all.add(secret)
      all.add(JSON.stringify(secret).slice(1, -1))
      all.add(encodeURIComponent(secret))
    }
    // Longest first, so a secret that contains another is replaced whole.
    return [...all].sort((a, b) => b.length - a.length)
  }

  redact(text: string): string {
    let out = text
    for (const spelling of this.spellings()) out = out.split(spelling).join('***')
    return out
  }
}
