package vn.motcua.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of stored files ({@code motcua.files.*}).
 *
 * @param directory      where the disk store keeps the bytes (default {@code data/files})
 * @param maxSize        the largest file accepted (20 MB: a multi-page A4 scan at 300 dpi in colour)
 * @param keepUnattached how long an upload waits to be attached before it is removed
 */
@ConfigurationProperties("motcua.files")
record FileSettings(@DefaultValue("data/files") Path directory, @DefaultValue("20MB") DataSize maxSize,
                    @DefaultValue("24h") Duration keepUnattached) {
}
