// Treaty.g4 -- the treatycheck treaty language.
//
// Generated into C++ by the Debian antlr4 tool (4.7.2) at build time and
// linked against the Debian runtime (4.9). Never hand-edit generated code.
// Only checker/syntax/ sees the generated types.
//
// Grammar version: bump TREATY_GRAMMAR_VERSION in checker/syntax/grammar_version.h
// whenever a production changes.
grammar Treaty;

// ---------------------------------------------------------------- file level

file        : item* EOF ;

item        : importDecl
            | stateDecl
            | institutionDecl
            | sortDecl
            | membershipDecl
            | atomDecl
            | definitionDecl
            | termDecl
            | axiomDecl
            | treatyDecl
            | expectDecl
            | scenarioDecl
            ;

importDecl  : IMPORT STRING SEMI ;

// state Belgium, United_Kingdom "United Kingdom";
stateDecl        : STATE individual (COMMA individual)* SEMI ;
institutionDecl  : INSTITUTION individual (COMMA individual)* SEMI ;
// sort territory: Crimea, Kaliningrad;
sortDecl         : SORT name=ID (COLON individual (COMMA individual)*)? SEMI ;
individual       : name=ID display=STRING? ;

// membership NATO { Belgium since 1949-08-24; United_Kingdom since 1973-01-01 until 2020-01-31; }
membershipDecl   : MEMBERSHIP inst=ID LBRACE membershipEntry* RBRACE ;
membershipEntry  : member=ID (COMMA ID)* (SINCE since=DATE)? (UNTIL until=DATE)? SEMI ;

// circumstance armed_attack(attacker: state, victim: state);
// conduct assist(helper: state, victim: state);
// quantity troops(from: state, on: state) in 0 .. 200000;
// circumstance quantity threat_level in 0 .. 10;
atomDecl         : atomKind QUANTITY? name=ID paramList? (IN lo=signedInt DOTDOT hi=signedInt)? describe? SEMI ;
atomKind         : CIRCUMSTANCE | CONDUCT | QUANTITY ;
paramList        : LPAREN (param (COMMA param)*)? RPAREN ;
param            : name=ID COLON sortRef ;
sortRef          : ID | STATE | INSTITUTION ;
describe         : DESCRIBED STRING ;

// define affects_security(p: state, q: state) := ... ;
definitionDecl   : DEFINE name=ID paramList? ASSIGN formula describe? SEMI ;

// A term with several readings (interpretations), one of them the default.
// term affects_security(p: state, q: state) {
//   reading narrow default "armed force only" source "..." := ... ;
//   reading broad := ... ;
// }
termDecl         : TERM name=ID paramList? LBRACE reading* RBRACE ;
reading          : READING name=ID DEFAULT? explanation=STRING? (SOURCE source=STRING)? ASSIGN formula SEMI ;

// axiom "assistance affects the attacker": for each h, a, v in states: ... ;
axiomDecl        : AXIOM title=STRING? COLON quantifierPrefix? formula SEMI ;

// ---------------------------------------------------------------- treaties

treatyDecl       : TREATY name=ID title=STRING? treatyAttr* LBRACE treatyMember* RBRACE ;

treatyAttr       : BINDING                                    # attrBinding
                 | POLITICAL                                  # attrPolitical
                 | SIGNED DATE                                # attrSigned
                 | IN FORCE DATE                              # attrInForce
                 | DRAFT DATE?                                # attrDraft
                 | WITHDRAWN DATE                             # attrWithdrawn
                 | SUSPENDED DATE                             # attrSuspended
                 | TERMINATED DATE                            # attrTerminated
                 | PARTIES COLON setExpr                      # attrParties
                 | PREVAILS OVER (ALL | ID (COMMA ID)*)       # attrPrevails
                 ;

treatyMember     : articleDecl ;

// article 5 "Collective defence" wording "..." { clauses }
// article 2(1) { ... }
articleDecl      : ARTICLE articleLabel title=STRING? textAttr* LBRACE articleBody* RBRACE ;
articleBody      : articleDecl        // nested paragraph: article 2 { paragraph 1 { } } also allowed
                 | paragraphDecl
                 | clause
                 ;
paragraphDecl    : PARAGRAPH articleLabel title=STRING? textAttr* LBRACE articleBody* RBRACE ;
articleLabel     : INT (LPAREN labelPart RPAREN)*
                 | STRING
                 | ID
                 ;
labelPart        : INT | ID ;
textAttr         : WORDING STRING | PARAPHRASE STRING ;

// A normative clause.
//   for each p, q in parties where p != q:
//     when exists a in states: armed_attack(a, q)
//     unless unsc_has_acted(q)
//     p must assist(p, q);
clause           : clauseAttr* quantifierPrefix? condition* bearer=term modality formula clauseSuffix* SEMI ;
clauseAttr       : REPARATION OF clauseRef                     # attrReparation
                 | SPECIALISES clauseRef                       # attrSpecialises
                 | WITHOUT PREJUDICE TO clauseRef              # attrWithoutPrejudice
                 ;
clauseSuffix     : clauseAttr ;
quantifierPrefix : FOR EACH binder (COMMA binder)* (WHERE formula)? COLON ;
binder           : ID (COMMA ID)* IN setExpr ;
condition        : WHEN formula        # whenCondition
                 | UNLESS formula      # unlessCondition
                 ;
modality         : (MUST | SHALL) NOT      # modProhibition
                 | (MUST | SHALL)          # modObligation
                 | MAY                     # modPermission
                 ;

clauseRef        : treaty=ID DOT articleLabel ;

// ---------------------------------------------------------------- sets of parties

setExpr          : setExpr INTERSECT setExpr                  # setIntersect
                 | setExpr (UNION | MINUS) setExpr            # setUnionMinus
                 | MEMBERS OF ID                              # setMembers
                 | PARTIES (OF ID)?                           # setParties
                 | STATES                                     # setStates
                 | INSTITUTIONS                               # setInstitutions
                 | LBRACE var=ID IN setExpr WHERE formula RBRACE  # setBuilder
                 | LBRACE (ID (COMMA ID)*)? RBRACE            # setList
                 | LPAREN setExpr RPAREN                      # setParen
                 | ID                                         # setSortOrName
                 ;

// A filter is written in set-builder form: { s in members of OSCE where not s in members of NATO }
// ---------------------------------------------------------------- formulas

// ANTLR gives earlier alternatives the tighter binding: 'not' binds
// tightest, then 'and', 'or', 'excludes', 'iff', 'implies'; a quantifier
// comes last so that its body extends as far right as possible.
formula          : NOT formula                                # fNot
                 | formula AND formula                        # fAnd
                 | formula OR formula                         # fOr
                 | formula EXCLUDES formula                   # fExcludes
                 | formula IFF formula                        # fIff
                 | <assoc=right> formula IMPLIES formula      # fImplies
                 | (EXISTS | FORALL) binder (COMMA binder)* COLON formula   # fQuant
                 | term IN setExpr                            # fIn
                 | term NOT IN setExpr                        # fNotIn
                 | term compareOp term                        # fCompare
                 | TRUE                                       # fTrue
                 | FALSE                                      # fFalse
                 | LPAREN formula RPAREN                      # fParen
                 | term                                       # fAtom
                 ;

compareOp        : LT | LE | EQ | NE | GE | GT ;

// Unary minus comes first so that it binds tightest, as `not` does in
// formulas: `-a + b` is (-a) + b, not -(a + b).
term             : DASH term                                  # tNeg
                 | term (STAR) term                           # tMul
                 | term (PLUS | DASH) term                    # tAddSub
                 | name=ID LPAREN (term (COMMA term)*)? RPAREN # tCall
                 | INT                                        # tInt
                 | ID                                         # tName
                 | LPAREN term RPAREN                         # tParen
                 ;

signedInt        : DASH? INT ;

// ---------------------------------------------------------------- tests

// expect conflict EST.2(1) with NAT.5;
// expect no conflict EST.2(1) with NAT.5;
// expect consistent;        expect consistent without EST;
// expect 3 conflicts;       expect 1 permission conflict;
expectDecl       : EXPECT expectation SEMI ;
expectation      : CONFLICT clauseRef (WITH clauseRef)+                 # expConflict
                 | NO CONFLICT clauseRef (WITH clauseRef)+              # expNoConflict
                 | PERMISSION CONFLICT clauseRef (WITH clauseRef)+      # expPermConflict
                 | CONSISTENT (WITHOUT ID (COMMA ID)*)?                 # expConsistent
                 | count=INT findingKind                                # expCount
                 | bearer=term modality formula                         # expNorm
                 ;
findingKind      : CONFLICT | CONFLICTS | PERMISSION (CONFLICT | CONFLICTS) | FINDING | FINDINGS ;

// scenario "Russia attacks Estonia" { armed_attack(Russia, Estonia); not unsc_has_acted(Estonia); expect Finland must assist(Finland, Estonia); }
scenarioDecl     : SCENARIO name=STRING LBRACE scenarioItem* RBRACE ;
scenarioItem     : formula SEMI          # scenFact
                 | expectDecl            # scenExpect
                 ;

// ---------------------------------------------------------------- lexer

IMPORT      : 'import' ;
STATE       : 'state' ;
INSTITUTION : 'institution' ;
SORT        : 'sort' ;
MEMBERSHIP  : 'membership' ;
SINCE       : 'since' ;
UNTIL       : 'until' ;
CIRCUMSTANCE: 'circumstance' ;
CONDUCT     : 'conduct' ;
QUANTITY    : 'quantity' ;
DESCRIBED   : 'described' ;
DEFINE      : 'define' ;
TERM        : 'term' ;
READING     : 'reading' ;
DEFAULT     : 'default' ;
SOURCE      : 'source' ;
AXIOM       : 'axiom' ;
TREATY      : 'treaty' ;
BINDING     : 'binding' ;
POLITICAL   : 'political' ;
SIGNED      : 'signed' ;
FORCE       : 'force' ;
DRAFT       : 'draft' ;
WITHDRAWN   : 'withdrawn' ;
SUSPENDED   : 'suspended' ;
TERMINATED  : 'terminated' ;
PARTIES     : 'parties' ;
PREVAILS    : 'prevails' ;
OVER        : 'over' ;
ALL         : 'all' ;
ARTICLE     : 'article' ;
PARAGRAPH   : 'paragraph' ;
WORDING     : 'wording' ;
PARAPHRASE  : 'paraphrase' ;
REPARATION  : 'reparation' ;
OF          : 'of' ;
SPECIALISES : 'specialises' | 'specializes' ;
WITHOUT     : 'without' ;
PREJUDICE   : 'prejudice' ;
TO          : 'to' ;
FOR         : 'for' ;
EACH        : 'each' ;
WHERE       : 'where' ;
WHEN        : 'when' ;
UNLESS      : 'unless' ;
MUST        : 'must' ;
SHALL       : 'shall' ;
MAY         : 'may' ;
NOT         : 'not' ;
AND         : 'and' ;
OR          : 'or' ;
IMPLIES     : 'implies' ;
IFF         : 'iff' ;
EXCLUDES    : 'excludes' ;
EXISTS      : 'exists' ;
FORALL      : 'forall' ;
IN          : 'in' ;
TRUE        : 'true' ;
FALSE       : 'false' ;
MEMBERS     : 'members' ;
STATES      : 'states' ;
INSTITUTIONS: 'institutions' ;
INTERSECT   : 'intersect' ;
UNION       : 'union' ;
MINUS       : 'minus' ;
EXPECT      : 'expect' ;
CONFLICT    : 'conflict' ;
CONFLICTS   : 'conflicts' ;
NO          : 'no' ;
WITH        : 'with' ;
PERMISSION  : 'permission' ;
CONSISTENT  : 'consistent' ;
FINDING     : 'finding' ;
FINDINGS    : 'findings' ;
SCENARIO    : 'scenario' ;

DATE        : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
INT         : DIGIT+ ( '_' DIGIT+ )* ;
ID          : [\p{L}_] [\p{L}\p{N}_]* ;
STRING      : '"' ( ESC | ~["\\\r\n] )* '"' ;
UNTERMINATED_STRING : '"' ( ESC | ~["\\\r\n] )* '\\'? ;

DOTDOT      : '..' ;
DOT         : '.' ;
ASSIGN      : ':=' ;
COLON       : ':' ;
SEMI        : ';' ;
COMMA       : ',' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
LBRACE      : '{' ;
RBRACE      : '}' ;
LE          : '<=' ;
GE          : '>=' ;
NE          : '!=' ;
LT          : '<' ;
GT          : '>' ;
EQ          : '=' ;
PLUS        : '+' ;
DASH        : '-' ;
STAR        : '*' ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
// An unterminated block comment runs to the end of input; the syntax layer
// reports it (the token text does not end in '*/').
BLOCK_COMMENT : '/*' .*? ( '*/' | EOF ) -> channel(HIDDEN) ;
WS          : [ \t\r\n\f\u00A0\uFEFF]+ -> channel(HIDDEN) ;
ERROR_CHAR  : . ;

fragment DIGIT : [0-9] ;
// Any character may follow a backslash lexically, so that a string with an
// unknown escape stays one token; the syntax layer then reports the escape
// (only \" \\ \n \t are valid) instead of a cascade of lexical errors.
fragment ESC   : '\\' ~[\r\n] ;
