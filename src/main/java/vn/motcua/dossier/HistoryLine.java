package vn.motcua.dossier;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One line of a historical import: a dossier and its history as the national portal's dossier sync names them
 * (vn-rules §6.2: MaHoSo, MaTTHC, KenhThucHien, ChuHoSo, SoDinhDanh, NgayNopHoSo, NgayTiepNhan, NgayHenTra,
 * NgayKetThucXuLy, NgayTra, TrangThaiHoSo; times {@code yyyyMMddHHmmss} in Vietnam time), with the few fields the
 * digest does not name written in the same manner (the agencies' electronic IDs, the result kind, the history
 * {@code QuaTrinhXuLy}). The format is documented in {@code docs/history-import.md}.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
record HistoryLine(
        @JsonProperty("MaHoSo") @Nullable String maHoSo,
        @JsonProperty("MaTTHC") @Nullable String maTTHC,
        @JsonProperty("MaDonViTiepNhan") @Nullable String maDonViTiepNhan,
        @JsonProperty("MaDonViXuLy") @Nullable String maDonViXuLy,
        @JsonProperty("KenhThucHien") @Nullable Integer kenhThucHien,
        @JsonProperty("LoaiDoiTuong") @Nullable Integer loaiDoiTuong,
        @JsonProperty("ChuHoSo") @Nullable String chuHoSo,
        @JsonProperty("SoDinhDanh") @Nullable String soDinhDanh,
        @JsonProperty("SoDienThoai") @Nullable String soDienThoai,
        @JsonProperty("Email") @Nullable String email,
        @JsonProperty("NgayNopHoSo") @Nullable String ngayNopHoSo,
        @JsonProperty("NgayTiepNhan") @Nullable String ngayTiepNhan,
        @JsonProperty("NgayHenTra") @Nullable String ngayHenTra,
        @JsonProperty("NgayKetThucXuLy") @Nullable String ngayKetThucXuLy,
        @JsonProperty("NgayTra") @Nullable String ngayTra,
        @JsonProperty("TrangThaiHoSo") @Nullable Integer trangThaiHoSo,
        @JsonProperty("KetQuaXuLy") @Nullable Integer ketQuaXuLy,
        @JsonProperty("QuaTrinhXuLy") @Nullable List<Event> quaTrinhXuLy) {

    /**
     * One event of the history: when, the national status after it, who and what; {@code NgayHenTra} a new
     * appointment (the clock restarted after a supplement), {@code NgayGiaHan} an extension (Form 04); a hand-over with
     * its step ({@code TenBuoc}), the agency and unit that held it ({@code DonViXuLy}, {@code PhongBanXuLy}), the
     * step's due time ({@code HanXuLy}) and the working minutes past it ({@code QuaHanPhut}, 0 = on time).
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Event(
            @JsonProperty("ThoiDiem") @Nullable String thoiDiem,
            @JsonProperty("TrangThaiHoSo") @Nullable Integer trangThaiHoSo,
            @JsonProperty("NguoiXuLy") @Nullable String nguoiXuLy,
            @JsonProperty("NoiDung") @Nullable String noiDung,
            @JsonProperty("NgayHenTra") @Nullable String ngayHenTra,
            @JsonProperty("NgayGiaHan") @Nullable String ngayGiaHan,
            @JsonProperty("TenBuoc") @Nullable String tenBuoc,
            @JsonProperty("DonViXuLy") @Nullable String donViXuLy,
            @JsonProperty("PhongBanXuLy") @Nullable String phongBanXuLy,
            @JsonProperty("HanXuLy") @Nullable String hanXuLy,
            @JsonProperty("QuaHanPhut") @Nullable Integer quaHanPhut) {
    }
}
