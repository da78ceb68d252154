package vn.motcua.dossier.slip;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the sample slips to a folder for a person to look at (pdftoppm -png -r 80); not a test. */
final class SlipSamples {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/slip-samples"));
        var slips = new Slips();
        Files.write(dir.resolve("01.pdf"), slips.pdf(TestSlipContents.receipt()));
        Files.write(dir.resolve("02.pdf"), slips.pdf(TestSlipContents.supplementRequest()));
        Files.write(dir.resolve("03.pdf"), slips.pdf(TestSlipContents.refusal()));
        Files.write(dir.resolve("07.pdf"), slips.trackingBookPdf(TestSlipContents.book(40)));
        Files.writeString(dir.resolve("01.html"), slips.html(TestSlipContents.receipt()));
        Files.writeString(dir.resolve("07.html"), slips.trackingBookHtml(TestSlipContents.book(40)));
        Files.write(dir.resolve("07.xlsx"), slips.trackingBookXlsx(TestSlipContents.book(40)));
    }
}
