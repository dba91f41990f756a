/** `tsx mailbox/main.ts`: the SMTP catcher on its own (Playwright starts it with the run). */
import { config } from '../config/env';
import { buildMailbox } from './server';
import { stopWhenOwnerExits } from '../config/owner';

async function main() {
  const mailbox = buildMailbox({
    host: config.mock.host,
    smtpPort: config.mock.ports.smtp,
    apiPort: config.mock.ports.mailbox,
  });
  await mailbox.listen();
  console.log(`mailbox: smtp://${config.mock.host}:${config.mock.ports.smtp}  api ${config.urls.mailbox}  mails in a browser ${config.urls.mailbox}/inbox`);
  const stop = () => {
    // Bounded like the mock's: a client that never lets go cannot keep the process alive.
    setTimeout(() => process.exit(1), 5_000).unref();
    void mailbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  stopWhenOwnerExits(stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
