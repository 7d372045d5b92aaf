/** Import and export of plans: other tools' files in, Ijoka's plans out. Start with {@link dev.ijoka.interchange.Importer} and {@link dev.ijoka.interchange.Exporter}. */
@NullMarked
package dev.ijoka.interchange;

import org.jspecify.annotations.NullMarked;
