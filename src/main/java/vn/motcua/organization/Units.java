package vn.motcua.organization;

import org.springframework.data.repository.ListCrudRepository;

import java.util.UUID;

interface Units extends ListCrudRepository<Unit, UUID> {
}
