interface StoredEmail {
  messageId: string;
  subject: string;
  destination: { to: string[] };
}

/** Prints one line per new email in the SES store: subject and the recipient's domain only. */
export function watchInbox(storeUrl: string, log: (line: string) => void, intervalMs = 1000): () => void {
  const seen = new Set<string>();
  const timer = setInterval(async () => {
    try {
      const { emails } = (await (await fetch(storeUrl)).json()) as { emails: StoredEmail[] };
      for (const email of emails) {
        if (seen.has(email.messageId)) continue;
        seen.add(email.messageId);
        const domains = email.destination.to.map((to) => `***@${to.split('@').at(-1)}`).join(', ');
        log(`email "${email.subject}" → ${domains}`);
      }
    } catch {
      // The store is briefly unavailable during shutdown.
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
