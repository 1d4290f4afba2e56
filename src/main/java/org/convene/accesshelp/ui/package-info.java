/** The access-help buttons on the session page, their live counts on the moderation page, the report's totals. */
@NullMarked
package org.convene.accesshelp.ui;

import org.jspecify.annotations.NullMarked;
