/**
 * Certificates on the pages: the part after a session on its page, "My certificates", the link on the account
 * page, the organisers' settings and bulk download, and the public verification page.
 */
@NullMarked
package org.convene.certificates.ui;

import org.jspecify.annotations.NullMarked;
