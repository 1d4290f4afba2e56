/**
 * Email: the outbox every message is written to in its cause's transaction, the sender that delivers it, and the
 * shared shape of a message ({@link org.convene.mail.MailContent}). Features enqueue through
 * {@link org.convene.mail.Outbox}; they never talk to a mail server.
 */
@NullMarked
package org.convene.mail;

import org.jspecify.annotations.NullMarked;
