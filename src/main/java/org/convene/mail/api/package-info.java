/** Email's HTTP endpoints: the one-click unsubscribe address every reminder and update carries (RFC 8058). */
@NullMarked
package org.convene.mail.api;

import org.jspecify.annotations.NullMarked;
