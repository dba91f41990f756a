/** `tsx mailbox/main.ts`: the SMTP catcher on its own (Playwright starts it with the run). */
import { config } from '../config/env';
import { buildMailbox } from './server';

async function main() {
  const mailbox = buildMailbox({
    host: config.mock.host,
    smtpPort: config.mock.ports.smtp,
    apiPort: config.mock.ports.mailbox,
  });
  await mailbox.listen();
  console.log(`mailbox: smtp://${config.mock.host}:${config.mock.ports.smtp}  api ${config.urls.mailbox}  mails in a browser ${config.urls.mailbox}/inbox`);
  const stop = () => void mailbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
