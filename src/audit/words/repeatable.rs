//! `repeatable` in words.

use super::Words;
use crate::audit::model::InputStructure;

/// The finding and fix of `repeatable`.
pub fn phrase(structure: InputStructure) -> Words {
    match structure {
        InputStructure::Structured => {
            Words::pass("Input is structured: the same fields every time.")
        }
        InputStructure::SemiStructured => Words::new(
            "Input is semi-structured: known documents whose layout varies.",
            "Standardise the input (templates, required fields) or measure reliability per layout.",
        ),
        InputStructure::FreeForm => Words::new(
            "Input is free-form: every case differs, so no test set stands for production.",
            "Choose a task whose input has a fixed structure, or constrain the input to a form.",
        ),
    }
}
