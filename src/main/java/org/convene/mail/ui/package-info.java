/** The organisers' email page: what Convene sent or kept, with its text, and retrying failed messages. */
@NullMarked
package org.convene.mail.ui;

import org.jspecify.annotations.NullMarked;
