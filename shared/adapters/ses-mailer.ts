import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Mailer, OutgoingEmail } from '#shared/ports/mailer.ts';

/** SES (v1 API, which aws-ses-v2-local also speaks); bounces and complaints go through the configuration set. */
export class SesMailer implements Mailer {
  readonly #client: SESClient;
  readonly #from: string;
  readonly #configurationSet: string | undefined;

  constructor(client: SESClient, from: string, configurationSet?: string) {
    this.#client = client;
    this.#from = from;
    this.#configurationSet = configurationSet;
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const charset = 'UTF-8';
    const result = await this.#client.send(
      new SendEmailCommand({
        Source: this.#from,
        Destination: { ToAddresses: [email.to] },
        Message: {
          Subject: { Data: email.subject, Charset: charset },
          Body: {
            Text: { Data: email.text, Charset: charset },
            Html: { Data: email.html, Charset: charset },
          },
        },
        ConfigurationSetName: this.#configurationSet,
      }),
    );
    return { messageId: result.MessageId ?? '' };
  }
}
