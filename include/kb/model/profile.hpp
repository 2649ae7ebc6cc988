#pragma once
// A person note's profile: role, location and relationship (front-matter,
// else "**Role**: ..." lines of the body outside code and comments) and the
// front-matter last_contact. The summary keeps role and last_contact (what
// `kb people` lists); `kb person` reads all of it from the body.
#include <string>

#include "kb/model/note.hpp"

namespace kb::model {

struct Profile {
  std::string role, location, relationship, last_contact;
};

Profile read_profile(const NoteBody& note);

}  // namespace kb::model
