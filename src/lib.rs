//! summit: news articles in English and Chinese to a knowledge graph of people,
//! places, organizations and meetings, every fact with its evidence.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! [`read`] → [`normalise`] → [`matching`] (gazetteers) → [`rules`] (meeting rules)
//! → [`extract`] (page structure, meetings, dates) → [`output`].

pub mod bench;
pub mod check;
pub mod dates;
pub mod document;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graphs;
pub mod html;
pub mod import;
pub mod layout;
pub mod lexicon;
pub mod load;
pub mod matching;
pub mod normalise;
pub mod output;
pub mod pack;
pub mod push;
pub mod rdf;
pub mod read;
pub mod rules;
pub mod serve;
pub mod store;

pub use document::Document;
pub use error::{Error, ErrorKind, Result};
