/**
 * Personal data across features: each feature that keeps something about a person says what it keeps (for the
 * person's own download) and what it does when the account goes. The account feature gathers them, so it never
 * reaches into the features built on it.
 */
@NullMarked
package org.convene.core.personal;

import org.jspecify.annotations.NullMarked;
