package vn.motcua.organization;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.DomainProblem;

import java.util.List;

/** A string that is not an agency electronic ID of the QĐ 20/2020 form. */
public class InvalidElectronicId extends DomainProblem {

    public InvalidElectronicId(String value) {
        super("organization.invalid-electronic-id", HttpStatus.BAD_REQUEST,
                "Mã định danh '" + value + "' không đúng QĐ 20/2020/QĐ-TTg (dạng H36.01.02: chữ A-Y, 2 chữ số, rồi các nhóm 2-3 ký tự, tối đa 35 ký tự).",
                List.of(new InvalidParam("electronicId", "không đúng định dạng QĐ 20/2020/QĐ-TTg")));
    }
}
