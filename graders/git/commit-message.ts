import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';

export const commitMessage = defineGrader({
  name: 'git.commit-message',
  boundary: 'git',
  summary: 'A commit after hand-over has a message that names each given word (workload, environment).',
  params: z.strictObject({ mentions: z.array(z.string().min(1)).min(1) }),
  describe: (p) => `a fix commit message mentions ${p.mentions.join(' and ')}`,
  grade(evidence, params) {
    const { commits } = evidence.git;
    const expected = `a commit message mentioning ${params.mentions.map((m) => `"${m}"`).join(' and ')}`;
    if (commits.length === 0) return fail('There is no commit after hand-over.', { expected, actual: 'no commits' });
    const patterns = params.mentions.map(mentionPattern);
    const good = commits.find((c) => {
      const text = `${c.subject}\n${c.body}`;
      return patterns.every((p) => p.test(text));
    });
    if (good) return pass(`Commit ${good.sha.slice(0, 7)} "${good.subject}" names ${params.mentions.join(' and ')}.`, { expected });
    return fail('No commit message names the workload and environment it changes.', {
      expected,
      actual: commits.map((c) => `${c.sha.slice(0, 7)} "${c.subject}"`).join('; '),
      why: 'Git is the audit log of a GitOps platform; a reviewer must see what changed where from the message alone.',
    });
  },
});

/**
 * A word as a reviewer reads it: case-insensitive, and a multi-part name in any usual spelling
 * ("payment-api", "payment api", "payment_api", "paymentapi"). `git revert`'s message quotes the reverted
 * subject, so a revert of the right commit names what that commit named.
 */
export function mentionPattern(mention: string): RegExp {
  const parts = mention.split(/[-_\s]+/).filter(Boolean).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('[-_\\s]*'), 'i');
}
