/**
 * Uploaded scans and attachments and, later, generated documents: type checked by content, size bounded, SHA-256
 * kept, each content stored once. Bytes live in a {@link vn.motcua.files.BlobStore} (on disk under the data
 * directory; an S3-compatible store can implement the same interface); this module keeps only their metadata.
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package vn.motcua.files;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
